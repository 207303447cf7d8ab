package dev.bookinfo.common;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;
import java.util.Set;

/**
 * The one blank-value rule of every service: a setting whose value is empty or only blanks counts as unset, wherever
 * it comes from. A templated manifest that renders {@code STAR_COLOR: ""} or {@code SERVICES_DOMAIN: " "} gets the
 * default of {@code bookinfo.star-color=${STAR_COLOR:black}} in {@code application.properties}, as if the variable
 * were missing; without this rule SmallRye would expand the expression to the empty string, and a setting without an
 * {@code Optional} type would fail the start. So a default is stated once, in {@code application.properties}, and the
 * code never restates it.
 *
 * <p>It sits next to the sources, below the expression and profile interceptors (priority {@code LIBRARY + 100}), so
 * it sees the raw values: {@code ${PUBLIC_URL:}} in a file is not blank, it expands to nothing when
 * {@code PUBLIC_URL} is unset. Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceInterceptor}.
 *
 * <p>The one exception is a variable whose empty value is documented to mean something: {@code TRUSTED_PROXIES=""}
 * trusts nobody's {@code X-Forwarded-*} headers, which must not turn into the default (the sidecar's addresses).
 */
@Priority(Priorities.LIBRARY + 100)
public class BlankIsUnset implements ConfigSourceInterceptor {

    /** Variables for which an empty value is not "unset" (see above). */
    static final Set<String> EMPTY_MEANS_NONE = Set.of("TRUSTED_PROXIES");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (EMPTY_MEANS_NONE.contains(name)) {
            return value;
        }
        return value != null
                        && value.getRawValue() != null
                        && value.getRawValue().isBlank()
                ? null
                : value;
    }
}
