package org.ganworkbook;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The library's version, from the jar's Maven metadata. It sits at the root of the packages and imports
 * none of them, so any package may report it (the grader's reports, {@code --version}, {@code Workbook.info()}).
 */
public final class Version {

    private static final String RESOURCE = "/META-INF/maven/org.ganworkbook/gan-workbook/pom.properties";

    private Version() {
    }

    /** @return the version from the jar's Maven metadata, or a note when running from classes */
    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "(development build: not running from the jar)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            return "(unknown version: " + e.getMessage() + ")";
        }
    }
}
