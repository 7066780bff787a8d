package org.roadcoder.model.backbone;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.deeplearning4j.common.resources.DL4JResources;
import org.deeplearning4j.common.resources.ResourceType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.zoo.PretrainedType;
import org.deeplearning4j.zoo.ZooModel;

/**
 * Loads a zoo model's pretrained weights through the zoo's own {@code initPretrained} (its cache
 * layout, its Adler-32 checksum, its restore), from a configurable cache folder and mirror.
 *
 * <p>The file is downloaded here, into the exact place {@code initPretrained} looks first, because
 * DL4J 1.0.0-M2.1 downloads with infinite connect and read timeouts: behind a firewall that drops
 * packets it would hang forever. Offline, the error names the file to put where. DL4J keeps the
 * base folder and URL in global state; they are set for the call and restored after it.
 */
public final class ZooWeights {

    private ZooWeights() {
    }

    /** The cache file {@code zoo}'s {@code type} weights are read from. */
    public static Path cachedFile(ZooModel<?> zoo, PretrainedType type, WeightsSource source) {
        synchronized (DL4JResources.class) {
            try {
                return withSource(source, () -> localFile(zoo, type));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot create the weights cache " + source.cacheDir(), e);
            }
        }
    }

    public static ComputationGraph load(ZooModel<?> zoo, PretrainedType type, WeightsSource source)
            throws IOException {
        synchronized (DL4JResources.class) {
            return withSource(source, () -> {
                Path file = localFile(zoo, type);
                String url = zoo.pretrainedUrl(type);
                if (!Files.exists(file)) {
                    download(url, file, source);
                }
                try {
                    return (ComputationGraph) zoo.initPretrained(type);
                } catch (IllegalStateException e) {
                    throw new IOException("the " + zoo.modelName() + " " + type + " weights from " + url
                            + " failed their checksum and were deleted from " + file + "; download again or check"
                            + " the mirror", e);
                }
            });
        }
    }

    private static Path localFile(ZooModel<?> zoo, PretrainedType type) {
        String url = zoo.pretrainedUrl(type);
        if (url == null) {
            throw new IllegalArgumentException("the DL4J zoo has no " + type + " weights for " + zoo.modelName());
        }
        File dir = DL4JResources.getDirectory(ResourceType.ZOO_MODEL, zoo.modelName());
        return dir.toPath().resolve(new File(url).getName());
    }

    private static void download(String url, Path file, WeightsSource source) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try {
            URLConnection connection = new URL(url).openConnection();
            connection.setConnectTimeout((int) source.timeout().toMillis());
            connection.setReadTimeout((int) source.timeout().toMillis());
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw new IOException("cannot download pretrained weights from " + url + " (" + e + "). Offline? "
                    + "Download that file elsewhere and put it at " + file.toAbsolutePath()
                    + ", or point the mirror URL at a server that has it", e);
        }
    }

    private interface Io<T> {
        T call() throws IOException;
    }

    private static <T> T withSource(WeightsSource source, Io<T> work) throws IOException {
        File oldDir = DL4JResources.getBaseDirectory();
        String oldUrl = DL4JResources.getBaseDownloadURL();
        try {
            Files.createDirectories(source.cacheDir()); // DL4J refuses a base folder that does not exist
            DL4JResources.setBaseDirectory(source.cacheDir().toFile());
            DL4JResources.setBaseDownloadURL(source.mirrorUrl());
            return work.call();
        } finally {
            DL4JResources.setBaseDirectory(oldDir);
            DL4JResources.setBaseDownloadURL(oldUrl);
        }
    }
}
