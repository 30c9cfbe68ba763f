joinedupSearch.add("p-4",{"each":[1,34],"emerg":[11,31],"equip":[2,29],"everyday":[8,30],"evid":[6,30]});
