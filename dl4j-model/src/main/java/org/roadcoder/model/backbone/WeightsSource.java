package org.roadcoder.model.backbone;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where pretrained zoo weights come from and are kept.
 *
 * @param cacheDir  DL4J's resource folder; the zoo keeps a model's file under
 *                  {@code <cacheDir>/models/<model>/}
 * @param mirrorUrl base URL the zoo's relative paths ({@code models/vgg16_dl4j_inference.zip}) are
 *                  appended to; a trailing slash is added if missing
 * @param timeout   connect and read timeout of the download
 */
public record WeightsSource(Path cacheDir, String mirrorUrl, Duration timeout) {

    /** DL4J's own download location. */
    public static final String DL4J_URL = "https://dl4jdata.blob.core.windows.net/";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public WeightsSource {
        if (cacheDir == null) {
            throw new IllegalArgumentException("a weights cache folder is required");
        }
        if (mirrorUrl == null || !(mirrorUrl.startsWith("http://") || mirrorUrl.startsWith("https://")
                || mirrorUrl.startsWith("file:"))) {
            throw new IllegalArgumentException("mirror URL must be http(s):// or file:, got " + mirrorUrl);
        }
        mirrorUrl = mirrorUrl.endsWith("/") ? mirrorUrl : mirrorUrl + "/";
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("download timeout must be positive, got " + timeout);
        }
    }

    /** DL4J's defaults: {@code ~/.deeplearning4j} and DL4J's blob storage. */
    public static WeightsSource defaults() {
        return new WeightsSource(Path.of(System.getProperty("user.home"), ".deeplearning4j"), DL4J_URL,
                DEFAULT_TIMEOUT);
    }

    public WeightsSource withCacheDir(Path dir) {
        return new WeightsSource(dir, mirrorUrl, timeout);
    }

    public WeightsSource withMirrorUrl(String url) {
        return new WeightsSource(cacheDir, url, timeout);
    }
}
