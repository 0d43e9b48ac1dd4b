package com.mcpportal.mcpserver.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspaceTests {

    @TempDir
    Path root;

    @Test
    void relativeAndAbsolutePathsInsideTheBaseAreFound() throws Exception {
        Path base = Files.createDirectories(root.resolve("base"));
        Files.createDirectories(base.resolve("in"));
        Files.writeString(base.resolve("in/a.mp3"), "x");
        Workspace workspace = new Workspace(base);

        assertThat(workspace.inputFile("p", "in/a.mp3")).isEqualTo(base.resolve("in/a.mp3"));
        assertThat(workspace.inputFile("p", base.resolve("in/a.mp3").toString())).isEqualTo(base.resolve("in/a.mp3"));
        assertThat(workspace.inputFile("p", "in/../in/a.mp3")).isEqualTo(base.resolve("in/a.mp3"));
    }

    @Test
    void traversalOutOfTheBaseIsRefused() throws Exception {
        Path base = Files.createDirectories(root.resolve("base"));
        Files.writeString(root.resolve("secret.mp3"), "x");
        Files.createDirectories(root.resolve("base-sibling"));
        Files.writeString(root.resolve("base-sibling/a.mp3"), "x");
        Workspace workspace = new Workspace(base);

        for (String path : new String[] {"../secret.mp3", root.resolve("secret.mp3").toString(), "/etc/passwd",
                "../base-sibling/a.mp3", root.resolve("base-sibling/a.mp3").toString()}) {
            assertThatThrownBy(() -> workspace.inputFile("input_file_path", path)).as(path)
                    .isInstanceOf(ToolInputException.class).hasMessageContaining("must be inside ELEVENLABS_MCP_BASE_PATH");
        }
    }

    @Test
    void symbolicLinksLeadingOutAreRefusedAndThoseStayingInsideAllowed() throws Exception {
        Path base = Files.createDirectories(root.resolve("base"));
        Files.writeString(root.resolve("secret.mp3"), "x");
        Files.writeString(base.resolve("real.mp3"), "x");
        Files.createSymbolicLink(base.resolve("escape.mp3"), root.resolve("secret.mp3"));
        Files.createSymbolicLink(base.resolve("outdir"), root);
        Files.createSymbolicLink(base.resolve("alias.mp3"), base.resolve("real.mp3"));
        Workspace workspace = new Workspace(base);

        assertThatThrownBy(() -> workspace.inputFile("p", "escape.mp3")).hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> workspace.inputFile("p", "outdir/secret.mp3")).hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> workspace.outputDirectory("outdir")).hasMessageContaining("symbolic link");
        assertThat(workspace.inputFile("p", "alias.mp3")).isEqualTo(base.resolve("alias.mp3"));
    }

    @Test
    void directoriesAndMissingFilesAreClearErrors() throws Exception {
        Path base = Files.createDirectories(root.resolve("base"));
        Files.createDirectories(base.resolve("dir"));
        Workspace workspace = new Workspace(base);

        assertThatThrownBy(() -> workspace.inputFile("p", "dir")).hasMessageContaining("is not a file");
        assertThatThrownBy(() -> workspace.inputFile("p", "none.mp3")).hasMessageContaining("does not exist");
    }

    @Test
    void nothingIsCreatedOutsideTheBaseThroughASymbolicLinkBeforeTheLinkIsRefused() throws Exception {
        Path base = Files.createDirectories(root.resolve("base"));
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.createSymbolicLink(base.resolve("out"), outside);
        Files.createDirectories(base.resolve("real"));
        Files.createSymbolicLink(base.resolve("real/deeper"), outside);
        Workspace workspace = new Workspace(base);

        for (String directory : new String[] {"out/new", "out/new/deeper", "real/deeper/new", "out"}) {
            assertThatThrownBy(() -> workspace.outputDirectory(directory)).as(directory)
                    .isInstanceOf(ToolInputException.class).hasMessageContaining("symbolic link");
        }
        try (var created = Files.list(outside)) {
            assertThat(created).as("created outside the base").isEmpty();
        }
        assertThat(workspace.outputDirectory("real/new/deeper")).isDirectory().isEqualTo(base.resolve("real/new/deeper"));
    }

    @Test
    void outputDirectoriesAreCreatedInsideTheBase() {
        Workspace workspace = new Workspace(root.resolve("new-base"));

        assertThat(workspace.outputDirectory(null)).isDirectory().isEqualTo(root.resolve("new-base"));
        assertThat(workspace.outputDirectory("a/b")).isDirectory().isEqualTo(root.resolve("new-base/a/b"));
        assertThatThrownBy(() -> workspace.outputDirectory("../elsewhere")).hasMessageContaining("must be inside");
    }
}
