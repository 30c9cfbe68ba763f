joinedupSearch.add("v-e",{"each":[1,4],"emerg":[1,4],"equip":[1,4],"everyday":[1,4],"evid":[1,4]});
