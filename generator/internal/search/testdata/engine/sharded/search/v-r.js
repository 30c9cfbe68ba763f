joinedupSearch.add("v-r",{"rais":[2,14],"role":[5,14,0,16]});
