package io.rebalancer.rules.drools;

/** Rule source text as code only: what the checks that look for names and calls read. */
final class DrlText {
    private DrlText() {
    }

    /** The text with comments and string/char literals blanked (same length, newlines kept). */
    static String blankCommentsAndStrings(String text) {
        char[] c = text.toCharArray();
        int i = 0;
        while (i < c.length) {
            if (c[i] == '/' && i + 1 < c.length && c[i + 1] == '/') {
                while (i < c.length && c[i] != '\n') {
                    c[i++] = ' ';
                }
            } else if (c[i] == '/' && i + 1 < c.length && c[i + 1] == '*') {
                while (i < c.length && !(c[i] == '*' && i + 1 < c.length && c[i + 1] == '/')) {
                    if (c[i] != '\n') {
                        c[i] = ' ';
                    }
                    i++;
                }
                if (i < c.length) {
                    c[i++] = ' ';
                    c[i++] = ' ';
                }
            } else if (c[i] == '"' || c[i] == '\'') {
                char q = c[i];
                i++;
                while (i < c.length && c[i] != q && c[i] != '\n') {
                    if (c[i] == '\\' && i + 1 < c.length) {
                        c[i++] = ' ';
                    }
                    c[i++] = ' ';
                }
                i++;
            } else {
                i++;
            }
        }
        return new String(c);
    }
}
