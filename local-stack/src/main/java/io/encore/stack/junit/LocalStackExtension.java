package io.encore.stack.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests a real KRaft broker and the real schema registry, started once per JVM and
 * stopped when the test run ends (the root store closes it). Declare {@code @ExtendWith(LocalStackExtension.class)}
 * and take a {@link SharedStack} and/or a {@link TestNames} as parameters of test or lifecycle methods.
 */
public final class LocalStackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SharedStack.class || type == TestNames.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == SharedStack.class) {
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(SharedStack.class, key -> SharedStack.start(), SharedStack.class);
        }
        String method = context.getTestMethod().map(m -> m.getName()).orElse("all");
        return new TestNames(context.getRequiredTestClass().getSimpleName(), method);
    }
}
