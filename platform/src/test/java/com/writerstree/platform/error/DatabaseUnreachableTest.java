package com.writerstree.platform.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures are "the database is unreachable" (503, retry) rather than a bug (500). */
class DatabaseUnreachableTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainAre503() {
        assertTrue(
                ErrorMappers.databaseUnreachable(new RuntimeException("tx", new SQLException("I/O error", "08006"))));
        assertTrue(ErrorMappers.databaseUnreachable(new SQLException("terminating connection", "57P01")));
        assertTrue(ErrorMappers.databaseUnreachable(new IllegalStateException(
                new SQLException("FATAL: database \"x\" is not currently accepting connections", "55000"))));
        assertTrue(ErrorMappers.databaseUnreachable(new SQLException("Acquisition timeout while waiting")));
        assertTrue(ErrorMappers.databaseUnreachable(new SQLTransientConnectionException("gone")));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ErrorMappers.databaseUnreachable(new SQLException("invalid byte sequence", "22021")));
        assertFalse(ErrorMappers.databaseUnreachable(new SQLException("object state", "55000")));
        assertFalse(ErrorMappers.databaseUnreachable(new IllegalStateException("bug")));
    }
}
