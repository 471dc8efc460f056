package io.jenkins.plugins.gitopssync.engine.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Line diff with Myers' O(ND) greedy algorithm, and unified output with context. The common prefix
 * and suffix are stripped first (most object diffs touch a few lines); the trace kept for the
 * backtrack is O(D²), so beyond {@link #MAX_EDIT_DISTANCE} the middle is reported as replaced
 * wholesale, which is still a correct diff.
 */
final class LineDiff {

    static final int MAX_EDIT_DISTANCE = 4000;

    enum Op { EQUAL, DELETE, INSERT }

    /** One step of the edit script: the line of {@code a} (EQUAL, DELETE) or of {@code b} (INSERT). */
    record Edit(Op op, String line) {
    }

    private LineDiff() {
    }

    static List<Edit> edits(List<String> a, List<String> b) {
        // the common prefix and suffix by plain equality first: most object diffs touch a few lines
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        // the middle lines as ints: equal lines get the same id, so Myers' comparisons are cheap
        Map<String, Integer> ids = new HashMap<>();
        int[] mx = intern(a, prefix, a.size() - suffix, ids);
        int[] my = intern(b, prefix, b.size() - suffix, ids);
        List<Edit> edits = new ArrayList<>(a.size() + b.size());
        for (int i = 0; i < prefix; i++) {
            edits.add(new Edit(Op.EQUAL, a.get(i)));
        }
        int ia = prefix;
        int ib = prefix;
        for (char c : myers(mx, my)) {
            switch (c) {
                case '=' -> {
                    edits.add(new Edit(Op.EQUAL, a.get(ia++)));
                    ib++;
                }
                case '-' -> edits.add(new Edit(Op.DELETE, a.get(ia++)));
                default -> edits.add(new Edit(Op.INSERT, b.get(ib++)));
            }
        }
        for (int i = a.size() - suffix; i < a.size(); i++) {
            edits.add(new Edit(Op.EQUAL, a.get(i)));
        }
        return edits;
    }

    private static int[] intern(List<String> lines, int from, int to, Map<String, Integer> ids) {
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            Integer id = ids.get(lines.get(i));
            if (id == null) {
                id = ids.size();
                ids.put(lines.get(i), id);
            }
            out[i - from] = id;
        }
        return out;
    }

    /** The edit script for the middle parts, as '=', '-' and '+' steps in order. */
    static char[] myers(int[] a, int[] b) {
        int n = a.length;
        int m = b.length;
        if (n == 0 || m == 0) {
            char[] script = new char[n + m];
            Arrays.fill(script, 0, n, '-');
            Arrays.fill(script, n, n + m, '+');
            return script;
        }
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int limit = Math.min(max, MAX_EDIT_DISTANCE);
        for (int d = 0; d <= limit; d++) {
            // v as it was before round d, only the diagonals round d reads
            trace.add(Arrays.copyOfRange(v, offset - d - 1, offset + d + 2));
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                        ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[x] == b[y]) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    return backtrack(trace, d, n, m);
                }
            }
        }
        char[] script = new char[n + m];
        Arrays.fill(script, 0, n, '-');
        Arrays.fill(script, n, n + m, '+');
        return script;
    }

    private static char[] backtrack(List<int[]> trace, int distance, int n, int m) {
        StringBuilder reversed = new StringBuilder();
        int x = n;
        int y = m;
        for (int d = distance; d >= 0; d--) {
            int[] v = trace.get(d);
            int base = d + 1; // index of diagonal 0 in this slice
            int k = x - y;
            int prevK;
            if (d == 0) {
                prevK = 0;
            } else if (k == -d || (k != d && v[base + k - 1] < v[base + k + 1])) {
                prevK = k + 1;
            } else {
                prevK = k - 1;
            }
            int prevX = d == 0 ? 0 : v[base + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                reversed.append('=');
                x--;
                y--;
            }
            if (d > 0) {
                reversed.append(x == prevX ? '+' : '-');
                x = prevX;
                y = prevY;
            }
        }
        return reversed.reverse().toString().toCharArray();
    }

    /** Unified hunks ("@@ -a,b +c,d @@" and ' ', '-', '+' lines) with {@code context} lines around changes. */
    static String unified(List<Edit> edits, int context) {
        int size = edits.size();
        int[] posA = new int[size + 1];
        int[] posB = new int[size + 1];
        for (int i = 0; i < size; i++) {
            Op op = edits.get(i).op();
            posA[i + 1] = posA[i] + (op == Op.INSERT ? 0 : 1);
            posB[i + 1] = posB[i] + (op == Op.DELETE ? 0 : 1);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < size) {
            if (edits.get(i).op() == Op.EQUAL) {
                i++;
                continue;
            }
            int start = Math.max(0, i - context);
            int end = i;
            // extend over changes separated by at most 2*context equal lines
            int j = i;
            while (j < size) {
                if (edits.get(j).op() != Op.EQUAL) {
                    end = j + 1;
                    j++;
                    continue;
                }
                int run = j;
                while (run < size && edits.get(run).op() == Op.EQUAL) {
                    run++;
                }
                if (run < size && run - j <= 2 * context) {
                    j = run;
                } else {
                    break;
                }
            }
            int stop = Math.min(size, end + context);
            int countA = posA[stop] - posA[start];
            int countB = posB[stop] - posB[start];
            out.append("@@ -").append(range(posA[start], countA)).append(" +").append(range(posB[start], countB)).append(" @@\n");
            for (int e = start; e < stop; e++) {
                Edit edit = edits.get(e);
                out.append(switch (edit.op()) {
                    case EQUAL -> ' ';
                    case DELETE -> '-';
                    case INSERT -> '+';
                }).append(edit.line()).append('\n');
            }
            i = stop;
        }
        return out.toString();
    }

    private static String range(int zeroBasedStart, int count) {
        if (count == 0) {
            return zeroBasedStart + ",0";
        }
        return count == 1 ? String.valueOf(zeroBasedStart + 1) : (zeroBasedStart + 1) + "," + count;
    }
}
