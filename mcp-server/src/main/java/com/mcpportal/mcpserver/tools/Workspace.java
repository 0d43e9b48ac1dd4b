package com.mcpportal.mcpserver.tools;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * The one directory ({@code ELEVENLABS_MCP_BASE_PATH}) that tools may read input files from and
 * write output files to. Paths that leave it, by {@code ..} or through a symbolic link, are refused.
 */
final class Workspace {

    private final Path base;

    Workspace(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    Path base() {
        return base;
    }

    /** An existing regular file inside the base path. */
    Path inputFile(String parameter, String userPath) {
        Path path = inside(parameter, userPath);
        if (!Files.exists(path)) {
            throw new ToolInputException("File (" + path + ") given as '" + parameter + "' does not exist.");
        }
        if (!Files.isRegularFile(path)) {
            throw new ToolInputException("File (" + path + ") given as '" + parameter + "' is not a file.");
        }
        checkRealPath(parameter, path);
        return path;
    }

    /**
     * The directory to save into: the base path, or a directory inside it; created when missing,
     * one level at a time, each only after the level above it proved to lead inside the base, so a
     * symbolic link on the way is refused before anything is created where it points.
     */
    Path outputDirectory(@Nullable String userDirectory) {
        Path directory = userDirectory == null || userDirectory.isBlank() ? base
                : inside("output_directory", userDirectory);
        Path current = base;
        create(current, directory);
        checkRealPath("output_directory", current);
        for (Path name : base.relativize(directory)) {
            current = current.resolve(name);
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                create(current, directory);
            }
            checkRealPath("output_directory", current);
        }
        if (!Files.isDirectory(directory)) {
            throw new ToolInputException("Directory (" + directory + ") is not writeable.");
        }
        return directory;
    }

    private void create(Path level, Path directory) {
        try {
            // The base is the operator's: created with its parents. Below it, one level in a checked parent.
            if (level.equals(base)) {
                Files.createDirectories(level);
            } else {
                Files.createDirectory(level);
            }
        } catch (FileAlreadyExistsException e) {
            // Created meanwhile (or a file): the real-path check and the final check decide.
        } catch (IOException e) {
            throw new ToolInputException("Directory (" + directory + ") is not writeable.");
        }
    }

    /** Writes a new file; an existing file of the same name is never overwritten. */
    Path write(Path directory, String fileName, byte[] data) {
        String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        String extension = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.')) : "";
        for (int n = 1; ; n++) {
            Path target = directory.resolve(n == 1 ? fileName : stem + "_" + n + extension);
            try {
                Files.write(target, data, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return target;
            } catch (FileAlreadyExistsException e) {
                if (n >= 100) {
                    throw new ToolInputException("Could not find a free file name for " + fileName + ".");
                }
            } catch (IOException e) {
                throw new ToolInputException("Could not write " + target + ": " + e.getMessage());
            }
        }
    }

    private Path inside(String parameter, String userPath) {
        Path path;
        try {
            Path given = Path.of(userPath);
            path = (given.isAbsolute() ? given : base.resolve(given)).normalize();
        } catch (InvalidPathException e) {
            throw new ToolInputException("'" + parameter + "' is not a valid path: " + userPath);
        }
        if (!path.startsWith(base)) {
            throw new ToolInputException("'" + parameter + "' must be inside ELEVENLABS_MCP_BASE_PATH (" + base
                    + "); " + userPath + " is not.");
        }
        return path;
    }

    /** Symbolic links may point anywhere: compare where the path really leads. */
    private void checkRealPath(String parameter, Path path) {
        try {
            Path realBase = Files.exists(base) ? base.toRealPath() : base;
            Path real = path.toRealPath(new LinkOption[0]);
            if (!real.startsWith(realBase)) {
                throw new ToolInputException("'" + parameter + "' must be inside ELEVENLABS_MCP_BASE_PATH ("
                        + base + "); " + path + " leads outside it through a symbolic link.");
            }
        } catch (IOException e) {
            throw new ToolInputException("Cannot read " + path + ": " + e.getMessage());
        }
    }
}
