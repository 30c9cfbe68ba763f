joinedupSearch.add("p-13",{"partner":[0,45,3,20,1,20],"peopl":[2,23,6,24],"person":[4,32],"plan":[4,20,5,18,12,16],"profess":[9,30],"profession":[5,62,3,24]});
