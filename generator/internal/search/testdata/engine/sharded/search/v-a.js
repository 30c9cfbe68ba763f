joinedupSearch.add("v-a",{"adapt":[1,1],"anoth":[1,1],"assess":[1,1]});
