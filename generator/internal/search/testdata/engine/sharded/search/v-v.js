joinedupSearch.add("v-v",{"visitor":[3,18]});
