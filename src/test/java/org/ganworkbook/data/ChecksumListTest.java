package org.ganworkbook.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** data/checksums.* (for sha256sum -c / md5sum -c) must list exactly what the loaders check. */
class ChecksumListTest {

    @Test
    void listsMatchTheLoaders() throws IOException {
        Path root = DataDirs.projectRoot(Path.of("").toAbsolutePath());
        Map<String, String> sha = new LinkedHashMap<>();
        Map<String, String> md5 = new LinkedHashMap<>();
        for (FileSet d : new FileSet[] {Mnist.DATASET, FashionMnist.DATASET, OlivettiFaces.FILES}) {
            for (DataFile f : d.files()) {
                sha.put(d.folder() + "/" + f.name(), f.sha256());
                md5.put(d.folder() + "/" + f.name(), f.md5());
            }
        }
        assertEquals(sha, read(root.resolve("data/checksums.sha256")));
        assertEquals(md5, read(root.resolve("data/checksums.md5")));
    }

    private static Map<String, String> read(Path list) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(list)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.trim().split("\\s+", 2);
                out.put(parts[1], parts[0]);
            }
        }
        return out;
    }
}
