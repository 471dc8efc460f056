package io.jenkins.plugins.gitopssync.engine.report;

/**
 * Shields-style SVG: "gitops | synced" (green), "gitops | drift N" (orange), "gitops | out of sync"
 * (yellow), "gitops | failed" (red), "gitops | unknown" (grey).
 */
public final class SvgBadge {

    static final String LABEL = "gitops";
    static final String LABEL_COLOR = "#555";
    static final String GREEN = "#4c1";
    static final String ORANGE = "#fe7d37";
    static final String YELLOW = "#dfb317";
    static final String RED = "#e05d44";
    static final String GREY = "#9f9f9f";
    private static final int PADDING = 10;

    private SvgBadge() {
    }

    /** The badge of a sync or dry run: its {@link Verdict#badge()}, with the count of drifted objects. */
    public static String forResult(SyncResult result) {
        if (result == null || result.status() == null) {
            return unknown();
        }
        return render(Verdict.of(result).badge(), result.totals().drifted());
    }

    /** The badge of a status check of an existing ApplySet. */
    public static String forStatus(InventoryStatus status) {
        return render(Verdict.of(status).badge(), status.drifted().size());
    }

    public static String render(SyncStatus status, int driftCount) {
        if (status == null) {
            return unknown();
        }
        return switch (status) {
            case Synced -> svg("synced", GREEN);
            case Drift -> svg(driftCount > 0 ? "drift " + driftCount : "drift", ORANGE);
            case OutOfSync -> svg("out of sync", YELLOW);
            case Failed -> svg("failed", RED);
        };
    }

    public static String unknown() {
        return svg("unknown", GREY);
    }

    static String svg(String message, String color) {
        int left = textWidth(LABEL) + PADDING;
        int right = textWidth(message) + PADDING;
        int width = left + right;
        String label = escape(LABEL);
        String text = escape(message);
        // text is drawn at 10x scale (font-size 110, scale .1) for crisp sub-pixel placement, as shields does
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"20\" role=\"img\" aria-label=\""
                + label + ": " + text + "\">"
                + "<title>" + label + ": " + text + "</title>"
                + "<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/>"
                + "<stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>"
                + "<clipPath id=\"r\"><rect width=\"" + width + "\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>"
                + "<g clip-path=\"url(#r)\">"
                + "<rect width=\"" + left + "\" height=\"20\" fill=\"" + LABEL_COLOR + "\"/>"
                + "<rect x=\"" + left + "\" width=\"" + right + "\" height=\"20\" fill=\"" + color + "\"/>"
                + "<rect width=\"" + width + "\" height=\"20\" fill=\"url(#s)\"/></g>"
                + "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\""
                + " text-rendering=\"geometricPrecision\" font-size=\"110\">"
                + textElements(label, left * 5, (left - PADDING) * 10)
                + textElements(text, (left * 2 + right) * 5, (right - PADDING) * 10)
                + "</g></svg>";
    }

    /** A shadow and the text, centred at x (in the 10x text space). */
    private static String textElements(String text, int x, int length) {
        return "<text aria-hidden=\"true\" x=\"" + x + "\" y=\"150\" fill=\"#010101\" fill-opacity=\".3\" transform=\"scale(.1)\""
                + " textLength=\"" + length + "\">" + text + "</text>"
                + "<text x=\"" + x + "\" y=\"140\" transform=\"scale(.1)\" fill=\"#fff\" textLength=\"" + length + "\">"
                + text + "</text>";
    }

    /** Approximate advance widths of Verdana 11px, rounded up to whole pixels. */
    static int textWidth(String text) {
        double width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += charWidth(text.charAt(i));
        }
        return (int) Math.ceil(width);
    }

    private static double charWidth(char c) {
        if (c == ' ') {
            return 3.9;
        }
        if ("iljI!|.,:;'".indexOf(c) >= 0) {
            return 3.4;
        }
        if ("frt()[]{}/\\-".indexOf(c) >= 0) {
            return 4.6;
        }
        if ("mwMW".indexOf(c) >= 0) {
            return 10.7;
        }
        if (Character.isUpperCase(c)) {
            return 7.6;
        }
        if (Character.isDigit(c)) {
            return 7.0;
        }
        return 6.7;
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
