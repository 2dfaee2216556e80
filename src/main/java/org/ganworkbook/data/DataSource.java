package org.ganworkbook.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Somewhere a data file can be copied from: a local folder, an HTTP mirror, an npm package.
 * Whatever a source delivers is verified by {@link DataFetcher} before it is kept.
 */
public interface DataSource {

    /** @return what this source is, for progress and error messages (e.g. the URL) */
    String describe();

    /**
     * Writes the uncompressed contents of {@code file} to {@code target}.
     *
     * @param file the file wanted
     * @param target a temporary file to write (it exists and may be overwritten)
     * @param scratch a temporary folder the source may use for the duration of one fetch
     * @throws IOException with a short reason (e.g. "HTTP 403", "not in the folder") if it cannot
     */
    void fetch(DataFile file, Path target, Path scratch) throws IOException;

    /**
     * The whole source is out of reach (host not found, connection refused, timeout, a package that
     * cannot be downloaded), so asking it for the other files is pointless. A plain
     * {@link IOException} means only this file failed.
     */
    class Unavailable extends IOException {
        private static final long serialVersionUID = 1L;

        /** @param reason short reason, e.g. "host example.org not found (DNS)" */
        public Unavailable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
