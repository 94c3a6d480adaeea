package dev.postern.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real data source that counts the statements prepared or created on its connections, so a test can
 * tell how many round trips an operation takes. Everything else goes straight to the real database.
 */
final class CountingDataSource {
    private final AtomicInteger statements = new AtomicInteger();
    private final DataSource dataSource;

    CountingDataSource(DataSource real) {
        this.dataSource = proxy(DataSource.class, real, (target, method, args) -> {
            Object result = invoke(target, method, args);
            return method.getName().equals("getConnection") ? countingConnection((Connection) result) : result;
        });
    }

    DataSource dataSource() {
        return dataSource;
    }

    int statements() {
        return statements.get();
    }

    private Connection countingConnection(Connection real) {
        return proxy(Connection.class, real, (target, method, args) -> {
            if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")
                    || method.getName().equals("prepareCall")) {
                statements.incrementAndGet();
            }
            return invoke(target, method, args);
        });
    }

    private interface Handler<T> {
        Object handle(T target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler invocation = (self, method, args) -> handler.handle(target, method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, invocation));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
