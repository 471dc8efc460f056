package io.jenkins.plugins.gitopssync.engine.goyaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How go-yaml v3 (sops' YAML library) types a plain scalar and writes a value: so a decrypted YAML file
 * reads the same values sops read and comes out byte for byte as {@code sops --decrypt} writes it.
 */
public final class GoYamlScalars {

    private static final Pattern FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    private static final Pattern BASE60_FLOAT = Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\\.[0-9]*)?"
                    + "(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)?$");
    private static final Set<String> OLD_BOOLS = Set.of("y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "on", "On", "ON", "off", "Off", "OFF");
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Object NOT_PLAIN_STRING = new Object();

    private GoYamlScalars() {
    }

    /** The value of a plain (unquoted, untagged) scalar. */
    public static Object resolvePlain(String s) {
        Object v = resolve(s);
        return v == NOT_PLAIN_STRING ? s : v;
    }

    /** Whether go-yaml writes {@code s} plain (it reads back as the same string). */
    static boolean canBePlain(String s) {
        return resolve(s) instanceof String && !BASE60_FLOAT.matcher(s).matches() && !OLD_BOOLS.contains(s);
    }

    /** The value, a String, or {@link #NOT_PLAIN_STRING} for a timestamp or merge key (strings that are no plain string). */
    private static Object resolve(String s) {
        if (NULLS.contains(s)) {
            return null;
        }
        switch (s) {
            case "true", "True", "TRUE" -> { return Boolean.TRUE; }
            case "false", "False", "FALSE" -> { return Boolean.FALSE; }
            case ".nan", ".NaN", ".NAN" -> { return Double.NaN; }
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> { return Double.POSITIVE_INFINITY; }
            case "-.inf", "-.Inf", "-.INF" -> { return Double.NEGATIVE_INFINITY; }
            case "<<" -> { return NOT_PLAIN_STRING; }
            default -> { }
        }
        if ("-+0123456789.".indexOf(s.charAt(0)) < 0) {
            return s;
        }
        String plain = s.replace("_", "");
        Long i = parseInt(plain);
        if (i != null) {
            return i;
        }
        if (FLOAT.matcher(plain).matches()) {
            return Double.parseDouble(plain);
        }
        return TIMESTAMP.matcher(s).matches() ? NOT_PLAIN_STRING : s;
    }

    /** Go's strconv.ParseInt(s, 0, 64): a sign, then 0x, 0o, 0b or a leading 0 (octal), else decimal. */
    private static Long parseInt(String s) {
        String body = s;
        boolean negative = false;
        if (body.startsWith("+") || body.startsWith("-")) {
            negative = body.startsWith("-");
            body = body.substring(1);
        }
        int radix = 10;
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            body = body.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            body = body.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            body = body.substring(2);
        } else if (body.length() > 1 && body.startsWith("0")) {
            radix = 8;
            body = body.substring(1);
        }
        final int base = radix;
        if (body.isEmpty() || !body.chars().allMatch(c -> Character.digit(c, base) >= 0)) {
            return null;
        }
        BigInteger v = new BigInteger(body, base);
        if (negative) {
            v = v.negate();
        }
        return v.bitLength() < 64 ? v.longValue() : null;
    }

    /** go-yaml's text of a float: strconv's shortest 'g' format, .inf, -.inf, .nan. */
    public static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 6) { // strconv's 'g' with the shortest digits decides at precision 6
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        return sign + shortest.toPlainString();
    }
}
