package io.jenkins.plugins.gitopssync.engine.decrypt;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The four file formats sops and Flux tell apart by file name ({@code .yaml}/{@code .yml}, {@code .json},
 * {@code .env}, anything else binary; Flux reads {@code .dockerconfigjson} as JSON), and the text that
 * marks each as encrypted.
 */
public enum SopsFormat {
    YAML("mac: ENC["),
    JSON("\"mac\": \"ENC["),
    DOTENV("sops_mac=ENC["),
    BINARY("\"mac\": \"ENC[");

    private final byte[] marker;

    SopsFormat(String marker) {
        this.marker = marker.getBytes(StandardCharsets.US_ASCII);
    }

    public static SopsFormat forPath(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML;
        }
        if (name.endsWith(".json") || name.endsWith(".dockerconfigjson")) {
            return JSON;
        }
        return name.endsWith(".env") ? DOTENV : BINARY;
    }

    /** Whether {@code content} holds this format's sops MAC, as Flux detects an encrypted file. */
    public boolean marks(byte[] content) {
        return Bytes.indexOf(content, marker, 0) >= 0;
    }
}
