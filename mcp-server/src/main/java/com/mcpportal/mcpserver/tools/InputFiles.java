package com.mcpportal.mcpserver.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Input audio, video or documents for a tool, from one of three places: a file in the base path
 * (as the official server), base64 in the call, or an https URL the server downloads safely.
 */
final class InputFiles {

    /** What a tool accepts, which decides the extension check on local files. */
    enum Kind { AUDIO, VIDEO, DOCUMENT }

    /** One input: name (for the upload), MIME type and bytes. */
    record InputFile(String fileName, String contentType, byte[] data) {
    }

    private final Workspace workspace;
    private final SafeDownloader downloader;
    private final long maxBytes;

    InputFiles(Workspace workspace, SafeDownloader downloader) {
        this.workspace = workspace;
        this.downloader = downloader;
        this.maxBytes = downloader.maxBytes();
    }

    /** Exactly one of the three parameters must be given. */
    InputFile one(Arguments args, String pathParam, String base64Param, String urlParam, Kind kind) {
        List<String> given = new ArrayList<>();
        for (String name : List.of(pathParam, base64Param, urlParam)) {
            if (args.has(name)) {
                given.add(name);
            }
        }
        if (given.size() != 1) {
            throw new ToolInputException((given.isEmpty() ? "Provide " : "Provide only one of ")
                    + "'" + pathParam + "', '" + base64Param + "' or '" + urlParam + "'"
                    + (given.isEmpty() ? "." : " (got " + String.join(", ", given) + ")."));
        }
        String name = given.get(0);
        String value = args.require(name);
        if (name.equals(pathParam)) {
            return file(pathParam, value, kind);
        }
        return name.equals(base64Param) ? base64(base64Param, value, kind) : url(urlParam, value, kind);
    }

    /** Several inputs from lists of paths, base64 strings and URLs together; between min and max in all. */
    List<InputFile> many(Arguments args, String pathsParam, String base64Param, String urlsParam, Kind kind,
                         int min, int max) {
        List<InputFile> files = new ArrayList<>();
        int count = args.strings(pathsParam).size() + args.strings(base64Param).size()
                + args.strings(urlsParam).size();
        if (count < min || count > max) {
            throw new ToolInputException("Provide between " + min + " and " + max + " files in total through '"
                    + pathsParam + "', '" + base64Param + "' and '" + urlsParam + "' (got " + count + ").");
        }
        args.strings(pathsParam).forEach(path -> files.add(file(pathsParam, path, kind)));
        args.strings(base64Param).forEach(data -> files.add(base64(base64Param, data, kind)));
        args.strings(urlsParam).forEach(url -> files.add(url(urlsParam, url, kind)));
        long total = files.stream().mapToLong(f -> f.data().length).sum();
        if (total > maxBytes * 2) {
            throw new ToolInputException("The files together are larger than the " + maxBytes * 2 / (1024 * 1024)
                    + " MB limit.");
        }
        return files;
    }

    InputFile file(String parameter, String userPath, Kind kind) {
        Path path = workspace.inputFile(parameter, userPath);
        String fileName = path.getFileName().toString();
        if (kind != Kind.DOCUMENT && !AudioFormat.isAudioOrVideoFile(fileName)) {
            throw new ToolInputException("File (" + path + ") is not an audio or video file.");
        }
        try {
            if (Files.size(path) > maxBytes) {
                throw new ToolInputException("File (" + path + ") is larger than the " + maxBytes / (1024 * 1024)
                        + " MB limit.");
            }
            byte[] data = Files.readAllBytes(path);
            return new InputFile(fileName, contentType(fileName, data, null, kind), data);
        } catch (IOException e) {
            throw new ToolInputException("Cannot read " + path + ": " + e.getMessage());
        }
    }

    private InputFile base64(String parameter, String value, Kind kind) {
        String payload = value.strip();
        if (payload.startsWith("data:")) {
            // A data: URL (data:audio/mpeg;base64,....) is what many clients produce.
            int comma = payload.indexOf(',');
            payload = comma < 0 ? "" : payload.substring(comma + 1);
        }
        if ((long) payload.length() * 3 / 4 > maxBytes) {
            throw new ToolInputException("'" + parameter + "' is larger than the " + maxBytes / (1024 * 1024)
                    + " MB limit.");
        }
        byte[] data;
        try {
            // Strict decoding: a lenient decoder would turn garbage into "audio" without a word.
            String compact = payload.replaceAll("\\s", "");
            data = (compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0 ? Base64.getUrlDecoder()
                    : Base64.getDecoder()).decode(compact);
        } catch (IllegalArgumentException e) {
            throw new ToolInputException("'" + parameter + "' is not valid base64.");
        }
        if (data.length == 0) {
            throw new ToolInputException("'" + parameter + "' is empty.");
        }
        AudioFormat sniffed = AudioFormat.sniff(data);
        String extension = sniffed != null ? sniffed.extension() : kind == Kind.DOCUMENT ? "txt" : "bin";
        String fileName = (kind == Kind.DOCUMENT ? "document." : kind == Kind.VIDEO ? "video." : "audio.")
                + extension;
        return new InputFile(fileName, contentType(fileName, data, null, kind), data);
    }

    private InputFile url(String parameter, String url, Kind kind) {
        SafeDownloader.Download download = downloader.fetch(parameter, url);
        if (download.data().length == 0) {
            throw new ToolInputException("'" + parameter + "' answered with an empty file.");
        }
        String fileName = download.fileName();
        if (!fileName.contains(".")) {
            AudioFormat sniffed = AudioFormat.sniff(download.data());
            fileName += "." + (sniffed != null ? sniffed.extension()
                    : AudioFormat.ofContentType(download.contentType()).extension());
        }
        return new InputFile(fileName, contentType(fileName, download.data(), download.contentType(), kind),
                download.data());
    }

    private static String contentType(String fileName, byte[] data, @Nullable String served, Kind kind) {
        AudioFormat sniffed = AudioFormat.sniff(data);
        if (sniffed != null) {
            return sniffed.mimeType();
        }
        if (served != null && !served.isEmpty() && !served.equals("application/octet-stream")) {
            return served;
        }
        AudioFormat byName = AudioFormat.ofFileName(fileName);
        return kind == Kind.DOCUMENT && byName.mimeType().equals("application/octet-stream")
                ? documentType(fileName) : byName.mimeType();
    }

    private static String documentType(String fileName) {
        String lower = fileName.toLowerCase();
        if (lower.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (lower.endsWith(".txt")) {
            return "text/plain";
        }
        if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            return "text/html";
        }
        if (lower.endsWith(".epub")) {
            return "application/epub+zip";
        }
        if (lower.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        return "application/octet-stream";
    }
}
