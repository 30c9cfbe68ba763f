joinedupSearch.add("p-11",{"need":[4,27,6,22],"note":[12,18,1,18,1,18]});
