// Package pgtest gives the tests of the PostgreSQL stores (store/postgres,
// alert/postgres) a fresh schema each in the database that
// scripts/pg-test.sh starts, and skips them when it is not running.
package pgtest
