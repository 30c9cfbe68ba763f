joinedupSearch.add("v-u",{"use":[3,17]});
