joinedupSearch.add("v-g",{"glossari":[3,6]});
