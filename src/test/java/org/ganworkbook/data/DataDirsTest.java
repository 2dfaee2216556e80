package org.ganworkbook.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirsTest {

    @TempDir
    Path tmp;

    private Path project() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(root.resolve("pom.xml"), "<project><artifactId>gan-workbook</artifactId></project>");
        return Files.createDirectories(root.resolve("notebooks/sub"));
    }

    @Test
    void explicitBeatsEnvironmentBeatsProjectBeatsHome() throws IOException {
        Path nb = project();
        Path home = tmp.resolve("home");
        Map<String, String> env = Map.of(DataDirs.ENV, tmp.resolve("env-data").toString());
        assertEquals(tmp.resolve("x"), DataDirs.choose(tmp.resolve("x"), env, nb, home).path());
        assertEquals(tmp.resolve("env-data"), DataDirs.choose(null, env, nb, home).path());
        assertEquals(tmp.resolve("repo/data"), DataDirs.choose(null, Map.of(), nb, home).path());
        assertEquals(home.resolve(".cache/gan-workbook"), DataDirs.choose(null, Map.of(), tmp, home).path());
        assertEquals(tmp.resolve("repo/data"), DataDirs.choose(null, Map.of(DataDirs.ENV, " "), nb, home).path());
    }

    @Test
    void runsLiveByTheSameRuleUnderTheirOwnVariable() throws IOException {
        Path nb = project();
        Path home = tmp.resolve("home");
        Map<String, String> env = Map.of(DataDirs.RUNS_ENV, tmp.resolve("env-runs").toString());
        assertEquals(tmp.resolve("env-runs"), DataDirs.runs(env, nb, home).path());
        assertEquals(tmp.resolve("repo/runs"), DataDirs.runs(Map.of(), nb, home).path());
        assertEquals(home.resolve(".cache/gan-workbook/runs"), DataDirs.runs(Map.of(), tmp, home).path());
        Map<String, String> dataOnly = Map.of(DataDirs.ENV, tmp.resolve("env-data").toString());
        assertEquals(tmp.resolve("repo/runs"), DataDirs.runs(dataOnly, nb, home).path(), "GANWB_DATA does not move runs");
    }

    @Test
    void onlyThisProjectsPomCounts() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other/module"));
        Files.writeString(tmp.resolve("other/pom.xml"), "<project><artifactId>something-else</artifactId></project>");
        assertNull(DataDirs.projectRoot(other));
        assertEquals(tmp.resolve("repo"), DataDirs.projectRoot(project()));
    }
}
