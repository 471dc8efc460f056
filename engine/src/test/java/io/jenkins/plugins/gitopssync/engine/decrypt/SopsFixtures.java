package io.jenkins.plugins.gitopssync.engine.decrypt;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The plain files the decryption tests encrypt with the real sops: one per format, with values of every kind. */
final class SopsFixtures {

    static final String PASSWORD = "s3cr3t: with colon # and hash";
    static final String TOKEN = "tok-9f8e7d6c5b4a";

    static final String YAML = """
            # a Secret with values of every kind
            apiVersion: v1
            kind: Secret
            metadata:
              name: db-credentials
              labels:
                app: shop
            type: Opaque
            stringData:
              # the database password
              password: "%s"
              token: %s
              password_secret: hunter2-suffixed
              note_plain: readable
              certificate: |
                -----BEGIN CERTIFICATE-----
                MIIBszCCAVmgAwIBAgIUB
                -----END CERTIFICATE-----
              port: "5432"
              quoted: 'it''s'
              tricky: "- dash"
              empty: ""
            data:
              api-key: c2VjcmV0LWFwaS1rZXk=
            extra:
              replicas: 3
              ratio: 1.5
              enabled: true
              nothing: null
              hosts:
                - db-1.internal
                - db-2.internal
                - name: primary
                  weight: 10
              nested:
                deeper:
                  value: 0644
            """.formatted(PASSWORD, TOKEN);

    static final String JSON = """
            {
              "apiVersion": "v1",
              "kind": "Secret",
              "metadata": {"name": "app-json", "labels": {"app": "shop"}},
              "stringData": {"password": "%s", "token": "%s", "html": "<b>&amp;</b>", "password_secret": "json-suffixed",
                             "note_plain": "readable"},
              "data": {"blob": "YmxvYg=="},
              "extra": {"count": 12, "ratio": 0.25, "big": 1e21, "flags": [true, false, null], "empty": {}, "none": []}
            }
            """.formatted(PASSWORD.replace("\"", "\\\""), TOKEN);

    static final String DOTENV = """
            # connection settings
            DB_HOST=db.internal
            DB_PASSWORD=%s
            TOKEN=%s
            API_SECRET_secret=env-suffixed
            NOTE_plain=readable
            MULTI=line one\\nline two
            EMPTY=
            """.formatted(PASSWORD, TOKEN);

    static final byte[] BINARY = concat("binary \u00e9 secret ".getBytes(StandardCharsets.UTF_8),
            new byte[] {0, (byte) 0xff, (byte) 0xfe, 10, 13}, TOKEN.getBytes(StandardCharsets.US_ASCII));

    /** File name → plain content. */
    static final Map<String, byte[]> FILES = Map.of(
            "secret.yaml", YAML.getBytes(StandardCharsets.UTF_8),
            "config.json", JSON.getBytes(StandardCharsets.UTF_8),
            "app.env", DOTENV.getBytes(StandardCharsets.UTF_8),
            "blob.bin", BINARY);

    private SopsFixtures() {
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
