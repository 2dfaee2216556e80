/**
 * The {@code gan-workbook} command line, the shaded jar's main class: {@code data fetch} and
 * {@code data verify} (run by the project's setup), {@code info}, and the training and
 * evaluation commands that reproduce the paper's experiments without a notebook. Only this package
 * (and the kernel's logging) prints; the library returns values.
 */
package org.ganworkbook.cli;
