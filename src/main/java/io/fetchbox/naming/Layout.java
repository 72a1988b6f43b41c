package io.fetchbox.naming;

import java.util.Locale;

/** Where files go under the output folder ({@code fetchbox.layout}, README, "Where files go"). */
public enum Layout {
    /** {@code <batch>/<dir>/<name>}, the default. */
    BATCH,
    /** {@code <dir>/<name>}, every batch in one folder. */
    FLAT,
    /** {@code <host>/<url path folders>/<name>}, like {@code wget -x}. */
    MIRROR;

    /** The value as written in configuration: {@code batch}, {@code flat}, {@code mirror}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The layout a configuration value names (surrounding white space and case ignored).
     *
     * @throws IllegalArgumentException naming the accepted values, for anything else
     */
    public static Layout parse(String value) {
        String wanted = value == null ? "" : value.strip();
        for (Layout layout : values()) {
            if (layout.value().equalsIgnoreCase(wanted)) {
                return layout;
            }
        }
        throw new IllegalArgumentException("unknown layout '" + value + "', accepted values: batch, flat, mirror");
    }
}
