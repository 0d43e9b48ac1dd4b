package com.mcpportal.portal.environment.update;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An MCP server version as Maven writes it ({@code 0.2.0}, {@code 0.2.0-SNAPSHOT}, {@code 1.0-rc2}), ordered as Maven
 * orders them where it matters here: numbers by value ({@code 0.10.0} after {@code 0.9.1}, missing ones are zero, so
 * {@code 1.0} equals {@code 1.0.0}), and a version with a qualifier before the release it leads to ({@code alpha <
 * beta < milestone < rc < other qualifiers < SNAPSHOT < release}, a qualifier's trailing number by value).
 */
record ServerVersion(List<Integer> numbers, String qualifier, int qualifierNumber)
        implements Comparable<ServerVersion> {

    private static final Pattern QUALIFIER = Pattern.compile("([a-z]*)[.-]?(\\d*)");
    private static final List<String> KNOWN = List.of("alpha", "beta", "milestone", "rc", "", "snapshot");

    private static final Comparator<ServerVersion> ORDER = Comparator
            .comparing(ServerVersion::numbers, ServerVersion::compareNumbers)
            .thenComparing(ServerVersion::qualifierRank)
            .thenComparing(ServerVersion::qualifier, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(ServerVersion::qualifierNumber);

    static ServerVersion parse(String version) {
        String text = version == null ? "" : version.trim().toLowerCase(Locale.ROOT);
        int dash = text.indexOf('-');
        String release = dash < 0 ? text : text.substring(0, dash);
        String qualifier = dash < 0 ? null : text.substring(dash + 1);
        List<Integer> numbers = new ArrayList<>();
        for (String part : release.split("\\.")) {
            if (!part.matches("\\d{1,9}")) {
                // "1.0.Final", "2024.x": what follows the numbers is a qualifier too.
                qualifier = qualifier == null ? part : part + "-" + qualifier;
                break;
            }
            numbers.add(Integer.parseInt(part));
        }
        while (!numbers.isEmpty() && numbers.get(numbers.size() - 1) == 0) {
            numbers.remove(numbers.size() - 1);
        }
        if (qualifier == null || qualifier.isEmpty() || qualifier.equals("final") || qualifier.equals("release")) {
            return new ServerVersion(List.copyOf(numbers), null, 0);
        }
        Matcher matcher = QUALIFIER.matcher(qualifier);
        if (matcher.matches()) {
            String name = switch (matcher.group(1)) {
                case "a" -> "alpha";
                case "b" -> "beta";
                case "m" -> "milestone";
                case "cr" -> "rc";
                default -> matcher.group(1);
            };
            return new ServerVersion(List.copyOf(numbers), name, matcher.group(2).isEmpty() ? 0
                    : Integer.parseInt(matcher.group(2).substring(0, Math.min(9, matcher.group(2).length()))));
        }
        return new ServerVersion(List.copyOf(numbers), qualifier, 0);
    }

    @Override
    public int compareTo(ServerVersion other) {
        return ORDER.compare(this, other);
    }

    boolean snapshot() {
        return "snapshot".equals(qualifier);
    }

    /** 0 alpha … 3 rc, 4 any other qualifier, 5 SNAPSHOT, 6 a release. */
    private int qualifierRank() {
        if (qualifier == null) {
            return KNOWN.size();
        }
        int known = KNOWN.indexOf(qualifier);
        return known >= 0 && !qualifier.isEmpty() ? known : KNOWN.indexOf("");
    }

    private static int compareNumbers(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int difference = Integer.compare(i < a.size() ? a.get(i) : 0, i < b.size() ? b.get(i) : 0);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }
}
