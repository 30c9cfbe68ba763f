joinedupSearch.add("v-n",{"need":[2,11],"note":[12,11,0,18]});
