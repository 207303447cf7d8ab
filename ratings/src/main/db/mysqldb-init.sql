-- The ratings of v2 on MySQL, as upstream's samples/bookinfo/src/mysql/mysqldb-init.sql loads them.
-- Loaded by the tests, by ./run-local.sh --ratings v2-mysql, and by the official image's entrypoint from
-- /docker-entrypoint-initdb.d/ on the first start (deploy/databases/mysqldb, which copies this file at build time).
CREATE DATABASE test;
USE test;

CREATE TABLE `ratings` (
  `ReviewID` INT NOT NULL,
  `Rating` INT,
  PRIMARY KEY (`ReviewID`)
);
INSERT INTO ratings (ReviewID, Rating) VALUES (1, 5);
INSERT INTO ratings (ReviewID, Rating) VALUES (2, 4);
