package dev.bookinfo.wiring;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service wiring of {@code scripts/services.properties} (start order, local ports, each service's environment)
 * for the Java launchers: the e2e suite and the robustness module. It is compiled into both modules' tests from
 * {@code scripts/java/}; run-local.sh and bench.py read the same file with their own few lines.
 */
public final class ServiceWiring {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([\\w.]+)}");

    private final Path file;
    private final Properties properties = new Properties();

    private ServiceWiring(Path file) {
        this.file = file;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The wiring of the repository at {@code root}. */
    public static ServiceWiring of(Path root) {
        return new ServiceWiring(root.resolve("scripts/services.properties"));
    }

    /** The four services, each after the neighbours it calls. */
    public List<String> services() {
        return Arrays.asList(required("services").trim().split("\\s+"));
    }

    /** The port run-local.sh gives {@code service}. */
    public int localPort(String service) {
        return Integer.parseInt(required("port." + service).trim());
    }

    /** The reviews version a launcher runs unless told otherwise. */
    public String reviewsVersion() {
        return required("reviews.version").trim();
    }

    /** {@code service}'s environment with the default reviews version. */
    public SortedMap<String, String> environment(String service, Map<String, Integer> ports) {
        return environment(service, ports, reviewsVersion());
    }

    /** {@code service}'s environment when the services listen on {@code ports} and reviews is {@code version}. */
    public SortedMap<String, String> environment(String service, Map<String, Integer> ports, String version) {
        if (properties.stringPropertyNames().stream().noneMatch(k -> k.startsWith("env.reviews-" + version + "."))) {
            throw new IllegalArgumentException("reviews version '" + version + "' is not in " + file);
        }
        SortedMap<String, String> env = new TreeMap<>();
        for (String scope : List.of(service, service + "-" + version)) {
            String prefix = "env." + scope + ".";
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith(prefix)) {
                    env.put(
                            key.substring(prefix.length()),
                            substitute(properties.getProperty(key).trim(), ports, version));
                }
            }
        }
        return env;
    }

    private String substitute(String value, Map<String, Integer> ports, String version) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.equals("version")) {
                replacement = version;
            } else if (name.startsWith("port.") && ports.containsKey(name.substring(5))) {
                replacement = Integer.toString(ports.get(name.substring(5)));
            } else {
                throw new IllegalStateException(file + ": unknown placeholder {" + name + "} in " + value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    private String required(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(file + " has no " + key);
        }
        return value;
    }
}
