package io.jenkins.plugins.gitopssync.engine.decrypt;

import io.jenkins.plugins.gitopssync.engine.goyaml.YamlTree;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One sops value, {@code ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]}: AES-256-GCM under the file's data
 * key with the value's path as additional data, typed by its {@code type}. Messages never quote the value.
 */
final class ValueCipher {

    private static final Pattern FORMAT = Pattern.compile("^ENC\\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\\]");

    private final byte[] dataKey;

    ValueCipher(byte[] dataKey) {
        this.dataKey = dataKey;
    }

    static boolean isEncrypted(String value) {
        return FORMAT.matcher(value).find();
    }

    /** The plain value; an empty string stays empty, as sops never encrypts it. */
    Object decrypt(String value, String additionalData) throws DecryptionException {
        if (value.isEmpty()) {
            return "";
        }
        Matcher m = FORMAT.matcher(value);
        if (!m.find()) {
            throw new DecryptionException("a value that should be encrypted is not in sops' format");
        }
        byte[] plain;
        try {
            byte[] data = Base64.getDecoder().decode(m.group(1));
            byte[] iv = Base64.getDecoder().decode(m.group(2));
            byte[] tag = Base64.getDecoder().decode(m.group(3));
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(128, iv));
            gcm.updateAAD(additionalData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = Arrays.copyOf(data, data.length + tag.length);
            System.arraycopy(tag, 0, sealed, data.length, tag.length);
            plain = gcm.doFinal(sealed);
        } catch (IllegalArgumentException e) {
            throw new DecryptionException("a value whose Base64 is damaged");
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("a value that does not authenticate (changed, moved to another key, or"
                    + " encrypted with another data key)");
        }
        return typed(plain, m.group(4));
    }

    private static Object typed(byte[] plain, String type) throws DecryptionException {
        String text = new String(plain, StandardCharsets.UTF_8);
        try {
            return switch (type) {
                case "str", "time" -> isUtf8(plain) ? text : plain; // binary files: their bytes as they were
                case "int" -> Long.parseLong(text);
                case "float" -> Double.parseDouble(text);
                case "bytes" -> plain;
                case "bool" -> parseBool(text);
                case "comment" -> new YamlTree.Comment(text, false);
                default -> throw new DecryptionException("a value of unknown type '" + type + "'");
            };
        } catch (NumberFormatException e) {
            throw new DecryptionException("a value of type " + type + " whose plaintext is not one");
        }
    }

    private static boolean isUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static Boolean parseBool(String s) throws DecryptionException {
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new DecryptionException("a value of type bool whose plaintext is not one");
        };
    }
}
