package org.ganworkbook.kernel;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as an HTML {@code <table>}: the table's name as caption, column names as header,
 * numbers right-aligned, every cell escaped. Long tables show their first rows and a note with the
 * number of rows left out, so that a 60 000-row data set does not flood the notebook.
 */
final class TableHtml {

    /** Rows shown before a table is cut. */
    static final int DEFAULT_MAX_ROWS = 50;

    private TableHtml() {
    }

    /**
     * @param table   the table (not modified)
     * @param maxRows rows to show at most; the rest are counted in a note
     */
    static String toHtml(Table table, int maxRows) {
        int rows = table.rowCount();
        int shown = Math.min(rows, maxRows);
        int columns = table.columnCount();
        boolean[] numeric = new boolean[columns];
        StringBuilder sb = new StringBuilder(256 + 32 * shown * Math.max(1, columns));
        sb.append("<table class=\"dataframe\">\n");
        String name = table.name();
        if (name != null && !name.isBlank()) {
            sb.append("<caption>").append(Html.escape(name)).append("</caption>\n");
        }
        sb.append("<thead><tr>");
        for (int c = 0; c < columns; c++) {
            Column<?> column = table.column(c);
            numeric[c] = isNumeric(column.type());
            sb.append("<th>").append(Html.escape(column.name())).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < shown; r++) {
            sb.append("<tr>");
            for (int c = 0; c < columns; c++) {
                sb.append(numeric[c] ? "<td style=\"text-align:right\">" : "<td>")
                        .append(Html.escape(table.column(c).getString(r))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        if (shown < rows) {
            sb.append("<p>&hellip; ").append(rows - shown).append(rows - shown == 1 ? " more row" : " more rows")
                    .append(" (").append(rows).append(" rows &times; ").append(columns).append(" columns)</p>\n");
        }
        return sb.toString();
    }

    private static boolean isNumeric(ColumnType type) {
        return type == ColumnType.DOUBLE || type == ColumnType.FLOAT || type == ColumnType.INTEGER
                || type == ColumnType.LONG || type == ColumnType.SHORT;
    }
}
