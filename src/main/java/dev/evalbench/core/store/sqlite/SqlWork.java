package dev.evalbench.core.store.sqlite;

import dev.evalbench.core.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;

/** Work done on a borrowed connection inside one transaction; the caller owns the connection. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException, StoreException;
}
