joinedupSearch.add("v-y",{"young":[1,20]});
