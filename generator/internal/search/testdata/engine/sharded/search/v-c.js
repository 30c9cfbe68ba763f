joinedupSearch.add("v-c",{"call":[1,2],"calm":[1,2],"care":[14,2,0,13],"children":[1,2],"contact":[1,2]});
