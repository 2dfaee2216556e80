/**
 * The workbook's own settings, as notebooks and scripts see them: where the data lives
 * ({@link org.ganworkbook.data.DataDirs}), how much training a notebook may do
 * ({@link org.ganworkbook.workbook.Budget}: the full runs of the paper's experiments, or a smoke
 * run that CI can afford) and a summary of the running setup ({@link
 * org.ganworkbook.workbook.Workbook#info()}), which the first notebook prints.
 */
package org.ganworkbook.workbook;
