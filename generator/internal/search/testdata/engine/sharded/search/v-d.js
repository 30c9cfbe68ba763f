joinedupSearch.add("v-d",{"danger":[1,3],"differ":[1,3],"disagr":[2,3],"disagre":[2,3]});
