joinedupSearch.add("v-w",{"well":[1,19],"worker":[2,19]});
