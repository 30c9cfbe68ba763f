joinedupSearch.add("v-p",{"partner":[4,13,0,17],"peopl":[2,13],"person":[1,13],"plan":[4,13,0,15],"profess":[1,13],"profession":[2,13]});
