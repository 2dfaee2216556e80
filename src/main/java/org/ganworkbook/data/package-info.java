/**
 * The data sets the workbook trains on, loaded as float32 matrices with pixels in [0, 1].
 *
 * <p>MNIST follows the split of the authors' released code (paper §5, {@code mnist.yaml}): the
 * first 50,000 images of the official training file, in file order, are the training set; the
 * remaining 10,000 are the held-out ("valid") set used for monitoring and for choosing the Parzen
 * window width; the official 10,000 test images are scored for Table 1. Images are never binarized
 * or centred. Fashion-MNIST has the same file format and is loaded with the same split.
 *
 * <p>Every file is checked against its recorded MD5 and SHA-256 before its bytes are used; a wrong,
 * truncated or missing file raises a {@link org.ganworkbook.data.DataFileException} that names the
 * file, what was tried and how to fix it. Loading never downloads: {@link
 * org.ganworkbook.data.DataFetcher} (run by the project's setup, or {@code gan-workbook data
 * fetch}) does that once, into the folder that {@link org.ganworkbook.data.DataDirs} resolves.
 * {@link org.ganworkbook.data.DataDirs} also says where command-line training runs live, by the same rule.
 */
package org.ganworkbook.data;
