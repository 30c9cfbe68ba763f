joinedupSearch.add("v-f",{"famili":[2,5],"find":[1,5],"first":[1,5]});
