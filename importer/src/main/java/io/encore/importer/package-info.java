/**
 * History backfill: the CSV files of docs/import.md, validated row by row and produced to the input topics in
 * the order profile-stream needs (the catalogue first, then every guest-keyed file merged in time order), in
 * Kafka transactions that also record how far the import got, so an interrupted import resumes where it
 * stopped and an import of the same files a second time produces nothing.
 */
package io.encore.importer;
