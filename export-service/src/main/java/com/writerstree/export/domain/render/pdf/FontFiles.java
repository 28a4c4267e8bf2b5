package com.writerstree.export.domain.render.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the PDF's four Liberation Serif faces (metric-compatible with Times New Roman) come from: a configured
 * directory when given, otherwise the copies on the classpath under {@code /fonts}. Never a system font lookup,
 * so every machine produces the same file. Each face is read once and kept (about 400 kB each).
 */
public final class FontFiles {

    public enum Face {
        REGULAR("LiberationSerif-Regular.ttf"),
        BOLD("LiberationSerif-Bold.ttf"),
        ITALIC("LiberationSerif-Italic.ttf"),
        BOLD_ITALIC("LiberationSerif-BoldItalic.ttf");

        final String file;

        Face(String file) {
            this.file = file;
        }
    }

    private static final FontFiles CLASSPATH = new FontFiles(Optional.empty());

    private final Optional<Path> directory;
    private final byte[][] loaded = new byte[Face.values().length][];

    public FontFiles(Optional<Path> directory) {
        this.directory = directory;
    }

    public static FontFiles classpath() {
        return CLASSPATH;
    }

    public synchronized byte[] bytes(Face face) {
        byte[] b = loaded[face.ordinal()];
        if (b == null) {
            b = read(face);
            loaded[face.ordinal()] = b;
        }
        return b;
    }

    private byte[] read(Face face) {
        try {
            if (directory.isPresent()) {
                return Files.readAllBytes(directory.get().resolve(face.file));
            }
            try (InputStream in = FontFiles.class.getResourceAsStream("/fonts/" + face.file)) {
                if (in == null) {
                    throw new IllegalStateException("Font /fonts/" + face.file + " is not on the classpath");
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Font " + face.file + " unreadable", e);
        }
    }
}
