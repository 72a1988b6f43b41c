package io.fetchbox.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What {@code fetchbox --version} prints: fetchbox's, Camel's and Java's versions, one per line. */
public final class Versions {

    private static final String CAMEL_POM = "META-INF/maven/org.apache.camel/camel-api/pom.properties";

    private Versions() {}

    public static String text() {
        String nl = System.lineSeparator();
        return "fetchbox " + LocalIdentity.version() + nl
                + "Apache Camel " + camel() + nl
                + "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")" + nl;
    }

    /** From camel-api's Maven metadata (kept in the shaded jar), else its manifest. */
    static String camel() {
        try (InputStream in = Versions.class.getClassLoader().getResourceAsStream(CAMEL_POM)) {
            if (in != null) {
                Properties pom = new Properties();
                pom.load(in);
                String version = pom.getProperty("version");
                if (version != null && !version.isBlank()) {
                    return version;
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String version = org.apache.camel.CamelContext.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
