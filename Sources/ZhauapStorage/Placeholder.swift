import Fluent; import FluentSQLiteDriver; import FluentPostgresDriver
