package io.jenkins.plugins.gitopssync.engine.decrypt;

import io.jenkins.plugins.gitopssync.engine.goyaml.YamlTree;
import io.jenkins.plugins.gitopssync.engine.goyaml.YamlTreeException;
import io.jenkins.plugins.gitopssync.engine.goyaml.YamlTreeReader;
import io.jenkins.plugins.gitopssync.engine.goyaml.YamlTreeWriter;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Decrypts sops files in memory, as {@code sops --decrypt} does: the data key is unwrapped with the given
 * age or OpenPGP keys, every value decrypted and, unless turned off, the MAC checked, and the file written
 * back in its format byte for byte as sops writes it. Errors name the file and, when no key fits, the
 * recipients it was encrypted for; no message holds a decrypted value.
 */
public final class SopsDecryptor {

    private final DecryptionKeys keys;
    private final boolean verifyMac;

    /** @param verifyMac false skips the MAC check (Flux's default); a changed or reordered value then goes unnoticed */
    public SopsDecryptor(DecryptionKeys keys, boolean verifyMac) {
        this.keys = keys == null ? DecryptionKeys.none() : keys;
        this.verifyMac = verifyMac;
    }

    /** A decrypted file's bytes and its decrypted values (to be masked wherever they could show). */
    public record Decrypted(byte[] content, List<String> secrets) {
    }

    /** @param file the file's name for messages (relative to the repository) */
    public Decrypted decrypt(String file, byte[] content, SopsFormat format) {
        try {
            return decrypt(content, format);
        } catch (DecryptionException e) {
            throw new SyncException(file + ": cannot decrypt this sops-encrypted " + format.name().toLowerCase(java.util.Locale.ROOT)
                    + " file: " + e.getMessage());
        }
    }

    private Decrypted decrypt(byte[] content, SopsFormat format) throws DecryptionException {
        String text = utf8(content);
        List<YamlTree.Mapping> documents = switch (format) {
            case YAML -> yaml(text);
            case JSON, BINARY -> List.of(JsonTree.read(text));
            case DOTENV -> List.of(DotenvTree.read(text));
        };
        YamlTree.Mapping sops = format == SopsFormat.DOTENV ? DotenvTree.metadata(documents.get(0))
                : documents.isEmpty() || !(documents.get(0).get("sops") instanceof YamlTree.Mapping m) ? null : m;
        if (sops == null) {
            throw new DecryptionException("it has no sops metadata");
        }
        List<YamlTree.Mapping> branches = new ArrayList<>();
        for (YamlTree.Mapping doc : documents) {
            branches.add(format == SopsFormat.DOTENV ? DotenvTree.withoutMetadata(doc) : doc.without("sops"));
        }
        SopsMetadata metadata = SopsMetadata.of(sops);
        byte[] dataKey = DataKey.unwrap(metadata, keys);
        List<String> secrets = new ArrayList<>();
        String computed = new TreeDecryption(metadata, dataKey, secrets::add).decrypt(branches);
        if (verifyMac) {
            checkMac(metadata, dataKey, computed);
        }
        return new Decrypted(emit(branches, format), List.copyOf(secrets));
    }

    private static List<YamlTree.Mapping> yaml(String text) throws DecryptionException {
        try {
            return YamlTreeReader.read(text);
        } catch (YamlTreeException e) {
            throw new DecryptionException(e.getMessage());
        }
    }

    private static void checkMac(SopsMetadata metadata, byte[] dataKey, String computed) throws DecryptionException {
        Object stored;
        try {
            stored = new ValueCipher(dataKey).decrypt(metadata.mac(), metadata.macAdditionalData());
        } catch (DecryptionException e) {
            throw new DecryptionException("its MAC cannot be decrypted (the MAC or lastmodified was changed)");
        }
        if (!MessageDigest.isEqual(String.valueOf(stored).getBytes(StandardCharsets.US_ASCII),
                computed.getBytes(StandardCharsets.US_ASCII))) {
            throw new DecryptionException("the MAC does not match: a value was changed, added, removed or reordered"
                    + " after sops encrypted the file (the MAC check can be turned off, as in Flux, but then such"
                    + " a change goes unnoticed)");
        }
    }

    private static byte[] emit(List<YamlTree.Mapping> branches, SopsFormat format) throws DecryptionException {
        return switch (format) {
            case YAML -> YamlTreeWriter.write(branches).getBytes(StandardCharsets.UTF_8);
            case JSON -> JsonTree.write(branches.get(0)).getBytes(StandardCharsets.UTF_8);
            case DOTENV -> DotenvTree.write(branches.get(0)).getBytes(StandardCharsets.UTF_8);
            case BINARY -> binary(branches.get(0));
        };
    }

    private static byte[] binary(YamlTree.Mapping m) throws DecryptionException {
        Object data = m.get("data");
        if (data instanceof byte[] b) {
            return b;
        }
        if (data instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        throw new DecryptionException("an encrypted binary file without its string 'data' value");
    }

    private static String utf8(byte[] content) throws DecryptionException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new DecryptionException("it is not UTF-8 text");
        }
    }
}
