joinedupSearch.add("v-l",{"level":[1,9],"list":[2,9]});
