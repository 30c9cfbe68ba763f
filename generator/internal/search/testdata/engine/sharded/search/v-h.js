joinedupSearch.add("v-h",{"happen":[1,7],"health":[3,7],"help":[2,7],"home":[2,7]});
