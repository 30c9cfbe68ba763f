joinedupSearch.add("v-i",{"independ":[1,8],"involv":[2,8]});
