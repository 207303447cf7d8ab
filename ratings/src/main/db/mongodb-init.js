// The ratings of v2 on MongoDB, as upstream's samples/bookinfo/src/mongodb/ratings_data.json loads them
// (mongoimport --db test --collection ratings --drop). Run by the official mongo image's entrypoint from
// /docker-entrypoint-initdb.d/ on the first start (deploy/databases/mongodb, which copies this file at build time).
const ratings = db.getSiblingDB("test").getCollection("ratings");
ratings.drop();
ratings.insertMany([{ rating: 5 }, { rating: 4 }]);
